package io.edgefleet.edge.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for the local commands, sized to its content: an engineer at the machine reads
 * it in a terminal, where a long reported value must not push the other columns out of line. The
 * last column is not padded, so long messages and errors just run on.
 */
public final class TextTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    public TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row needs " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    public String render() {
        int[] widths = new int[headers.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = headers.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, headers, widths);
        rows.forEach(row -> line(text, row, widths));
        return text.toString();
    }

    private static void line(StringBuilder text, List<String> cells, int[] widths) {
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            text.append(cell);
            if (column < cells.size() - 1) {
                text.append(" ".repeat(widths[column] - cell.length() + 2));
            }
        }
        text.append(System.lineSeparator());
    }
}
