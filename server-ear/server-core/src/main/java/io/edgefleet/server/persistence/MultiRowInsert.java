package io.edgefleet.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Many rows in one {@code INSERT … VALUES (…), (…), …} statement (with an optional tail such as
 * {@code ON DUPLICATE KEY UPDATE …}), at most {@link #MAX_ROWS_PER_STATEMENT} rows per statement.
 *
 * <p>Why not a JDBC batch ({@code addBatch}/{@code executeBatch}) with {@code
 * rewriteBatchedStatements}: Liberty's connection wrapper prepares every statement with a result-set
 * type and concurrency, and MariaDB Connector/J 3.5 then takes generated keys as requested and sends
 * the batch row by row, one statement each (measured: 640 rows, 640 {@code Com_insert}; decision
 * record 0009). Writing the multi-row statement ourselves does not depend on the driver, its URL
 * options or the application server, and is the same SQL on MariaDB, MySQL and H2 in MySQL mode.
 *
 * @param <T> what one row is made from
 */
public final class MultiRowInsert<T> {

    /**
     * Rows per statement: large enough that a batch of a few hundred rows is one or two round trips,
     * small enough to stay far below MySQL's 65,535 placeholders and a 16 MiB packet with rows of a
     * few KiB.
     */
    public static final int MAX_ROWS_PER_STATEMENT = 500;

    /** Sets the parameters of one row; the row's first parameter has index {@code offset + 1}. */
    @FunctionalInterface
    public interface RowBinder<T> {
        void bind(PreparedStatement statement, int offset, T row) throws SQLException;
    }

    private final String head;
    private final String row;
    private final String tail;
    private final int parametersPerRow;
    private final RowBinder<T> binder;

    /**
     * @param head everything up to and including {@code VALUES}, e.g. {@code INSERT INTO t (a, b) VALUES}
     * @param row one row's values with {@code ?} placeholders, e.g. {@code (?, ?, 0)}
     * @param tail what follows the rows, e.g. {@code ON DUPLICATE KEY UPDATE …}; empty for none
     */
    public MultiRowInsert(String head, String row, String tail, RowBinder<T> binder) {
        this.head = Objects.requireNonNull(head, "head");
        this.row = Objects.requireNonNull(row, "row");
        this.tail = Objects.requireNonNull(tail, "tail");
        this.binder = Objects.requireNonNull(binder, "binder");
        this.parametersPerRow = (int) row.chars().filter(c -> c == '?').count();
        if (parametersPerRow == 0) {
            throw new IllegalArgumentException("a row needs at least one placeholder: " + row);
        }
    }

    /**
     * Inserts {@code rows} in order, in as few statements as {@link #MAX_ROWS_PER_STATEMENT} allows,
     * on the caller's connection (and so in its transaction).
     *
     * @return the number of statements executed
     */
    public int insert(Connection connection, List<T> rows) throws SQLException {
        int statements = 0;
        for (int from = 0; from < rows.size(); from += MAX_ROWS_PER_STATEMENT) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS_PER_STATEMENT));
            try (PreparedStatement statement = connection.prepareStatement(sql(chunk.size()))) {
                for (int i = 0; i < chunk.size(); i++) {
                    binder.bind(statement, i * parametersPerRow, chunk.get(i));
                }
                statement.executeUpdate();
            }
            statements++;
        }
        return statements;
    }

    String sql(int rows) {
        StringBuilder sql = new StringBuilder(head.length() + tail.length() + rows * (row.length() + 2));
        sql.append(head).append(' ');
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        if (!tail.isEmpty()) {
            sql.append(' ').append(tail);
        }
        return sql.toString();
    }
}
