package org.bluelight.ops.bench;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line that reruns a benchmark as it ran: every option, given or defaulted, so the
 * figures it printed can be reproduced even after a default changes.
 */
public final class Rerun {

    private Rerun() {
    }

    /** {@code ./bluelight bench NAME --option value ...} for the command just parsed. */
    public static String line(CommandSpec spec) {
        StringBuilder line = new StringBuilder("./").append(spec.qualifiedName());
        for (OptionSpec option : spec.options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            if (option.arity().max() == 0) {
                if (Boolean.TRUE.equals(option.getValue())) {
                    line.append(' ').append(option.longestName());
                }
                continue;
            }
            List<String> given = option.originalStringValues();
            String value = given.isEmpty() ? option.defaultValue() : String.join(",", given);
            if (value != null) {
                line.append(' ').append(option.longestName()).append(' ').append(quoted(value));
            }
        }
        return line.toString();
    }

    private static String quoted(String value) {
        return value.chars().anyMatch(Character::isWhitespace) || value.isEmpty() ? "'" + value.replace("'", "'\\''") + "'" : value;
    }
}
