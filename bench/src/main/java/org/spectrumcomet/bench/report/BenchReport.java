package org.spectrumcomet.bench.report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark's report: machine header, the command that produced it, titled tables and notes
 * (targets met or missed). {@link #publish} prints it to stdout and writes it as a results file.
 */
public final class BenchReport {

    private final String name;
    private final String command;
    private final MachineInfo machine;
    private final List<String> parts = new ArrayList<>();
    private final List<MarkdownTable> tables = new ArrayList<>();

    public BenchReport(String name, String command) {
        this(name, command, MachineInfo.current());
    }

    public BenchReport(String name, String command, MachineInfo machine) {
        this.name = name;
        this.command = command;
        this.machine = machine;
    }

    public BenchReport table(String title, MarkdownTable table) {
        tables.add(table);
        parts.add("## " + title + "\n\n" + table.render());
        return this;
    }

    public BenchReport note(String text) {
        parts.add(text + "\n");
        return this;
    }

    public List<MarkdownTable> tables() {
        return List.copyOf(tables);
    }

    public String markdown() {
        StringBuilder out = new StringBuilder("# bench ").append(name).append("\n\n");
        out.append(machine.markdown());
        out.append("- command: `").append(command).append("`\n\n");
        for (String part : parts) {
            out.append(part).append('\n');
        }
        return out.toString();
    }

    /** Prints the report to {@code out} and writes it under {@code directory}; the file written. */
    public Path publish(PrintStream out, Path directory) {
        String markdown = markdown();
        out.print(markdown);
        Path file = ResultsFile.write(directory, name, machine.date(), markdown);
        out.println("(written to " + file + ")");
        out.flush();
        return file;
    }
}
