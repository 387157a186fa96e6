package io.edgefleet.edge;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The parsed command line: {@code edgefleet-edge [run|status] [--config PATH] [--json] [--help]
 * [--version]}.
 */
record CommandLine(Command command, Optional<Path> config, boolean json, boolean help, boolean version) {

    enum Command {
        RUN,
        STATUS
    }

    static CommandLine parse(String... args) {
        Optional<Command> command = Optional.empty();
        Optional<Path> config = Optional.empty();
        boolean json = false;
        boolean help = false;
        boolean version = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "run", "status" -> {
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
                case "--json" -> json = true;
                case "--help", "-h" -> help = true;
                case "--version", "-V" -> version = true;
                default -> {
                    if (arg.startsWith("--config=")) {
                        config = Optional.of(Path.of(arg.substring("--config=".length())));
                    } else {
                        throw EdgeException.usage("unknown argument '" + arg + "'");
                    }
                }
            }
        }
        Command chosen = command.orElse(Command.RUN);
        if (json && chosen != Command.STATUS) {
            throw EdgeException.usage("--json goes with the status command");
        }
        return new CommandLine(chosen, config, json, help, version);
    }
}
