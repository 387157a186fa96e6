package io.edgefleet.edge;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The parsed command line: {@code edgefleet-edge [run|status|workloads|devices] [--config PATH]
 * [--json] [--help] [--version]}, {@code edgefleet-edge logs WORKLOAD [--lines N] [--stderr]},
 * {@code edgefleet-edge twin DEVICE [--json]} or {@code edgefleet-edge set DEVICE PROPERTY VALUE}.
 *
 * @param workload the workload named after {@code logs}
 * @param operands the words after {@code twin} (DEVICE) or {@code set} (DEVICE PROPERTY VALUE)
 * @param lines how many log lines {@code logs} prints
 * @param stderr {@code logs} prints the standard error log instead of standard output
 */
record CommandLine(
        Command command,
        Optional<Path> config,
        boolean json,
        boolean help,
        boolean version,
        Optional<String> workload,
        int lines,
        boolean stderr,
        java.util.List<String> operands) {

    static final int DEFAULT_LINES = 50;

    enum Command {
        RUN,
        STATUS,
        WORKLOADS,
        LOGS,
        DEVICES,
        TWIN,
        SET
    }

    static CommandLine parse(String... args) {
        Optional<Command> command = Optional.empty();
        Optional<Path> config = Optional.empty();
        Optional<String> workload = Optional.empty();
        java.util.List<String> operands = new java.util.ArrayList<>();
        Optional<Integer> lines = Optional.empty();
        boolean stderr = false;
        boolean json = false;
        boolean help = false;
        boolean version = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "run", "status", "workloads", "logs", "devices", "twin", "set" -> {
                    if (command.isPresent()) {
                        throw EdgeException.usage("more than one command given: " + command.get() + " and " + arg);
                    }
                    command = Optional.of(Command.valueOf(arg.toUpperCase(Locale.ROOT)));
                }
                case "--config", "-c" -> {
                    if (i + 1 >= args.length) {
                        throw EdgeException.usage(arg + " needs a file path");
                    }
                    config = Optional.of(Path.of(args[++i]));
                }
                case "--lines", "-n" -> {
                    if (i + 1 >= args.length) {
                        throw EdgeException.usage(arg + " needs a number");
                    }
                    lines = Optional.of(lineCount(args[++i]));
                }
                case "--stderr" -> stderr = true;
                case "--json" -> json = true;
                case "--help", "-h" -> help = true;
                case "--version", "-V" -> version = true;
                default -> {
                    if (arg.startsWith("--config=")) {
                        config = Optional.of(Path.of(arg.substring("--config=".length())));
                    } else if (arg.startsWith("--lines=")) {
                        lines = Optional.of(lineCount(arg.substring("--lines=".length())));
                    } else if (command.equals(Optional.of(Command.LOGS))
                            && workload.isEmpty()
                            && !arg.startsWith("-")) {
                        workload = Optional.of(arg);
                    } else if (takesOperand(command, operands.size())) {
                        // A value may start with '-' (set pump-1 offset -2): operands are positional.
                        operands.add(arg);
                    } else {
                        throw EdgeException.usage("unknown argument '" + arg + "'");
                    }
                }
            }
        }
        Command chosen = command.orElse(Command.RUN);
        if (json
                && chosen != Command.STATUS
                && chosen != Command.WORKLOADS
                && chosen != Command.DEVICES
                && chosen != Command.TWIN) {
            throw EdgeException.usage("--json goes with the status, workloads, devices and twin commands");
        }
        if (chosen == Command.TWIN && operands.size() != 1 && !help) {
            throw EdgeException.usage("twin needs a device name: edgefleet-edge twin DEVICE");
        }
        if (chosen == Command.SET && operands.size() != 3 && !help) {
            throw EdgeException.usage(
                    "set needs a device, a property and a value: edgefleet-edge set DEVICE PROPERTY" + " VALUE");
        }
        if ((lines.isPresent() || stderr) && chosen != Command.LOGS) {
            throw EdgeException.usage("--lines and --stderr go with the logs command");
        }
        if (chosen == Command.LOGS && workload.isEmpty() && !help) {
            throw EdgeException.usage("logs needs a workload name: edgefleet-edge logs WORKLOAD");
        }
        return new CommandLine(
                chosen, config, json, help, version, workload, lines.orElse(DEFAULT_LINES), stderr, operands);
    }

    private static boolean takesOperand(Optional<Command> command, int taken) {
        return command.equals(Optional.of(Command.TWIN)) && taken < 1
                || command.equals(Optional.of(Command.SET)) && taken < 3;
    }

    private static int lineCount(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 100_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw EdgeException.usage("--lines needs a number from 1 to 100000, not '" + text + "'");
    }
}
