package org.bluelight.ops.cli.routing;

import picocli.CommandLine.Command;

/** {@code map}: groups map commands. */
@Command(name = "map", mixinStandardHelpOptions = true, description = "Road map tools.",
        subcommands = MapGenerateCommand.class)
public final class MapCommand {
}
