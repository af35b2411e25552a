package org.bluelight.ops.cli.trial;

import picocli.CommandLine.Command;

/** {@code trial}: the hot spots trial's schedule and report. */
@Command(name = "trial", description = "Hot spots trial: generate or load the schedule, report the results.",
        mixinStandardHelpOptions = true,
        subcommands = {TrialScheduleCommand.class, TrialLoadCommand.class, TrialReportCommand.class})
public final class TrialCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "name a subcommand: schedule, load or report");
    }
}
