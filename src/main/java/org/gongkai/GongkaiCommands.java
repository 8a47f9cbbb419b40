package org.gongkai;

import org.gongkai.bench.BenchCommand;
import org.gongkai.bulk.LoadCommand;
import org.gongkai.documents.IngestCommand;
import org.gongkai.generator.GenerateCommand;
import org.gongkai.rendering.Layout;
import org.gongkai.rendering.ReportRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line tools that ship in the same jar as the service ({@code java -jar quarkus-run.jar <tool>}). */
@Command(
        name = "gongkai",
        mixinStandardHelpOptions = true,
        description = "Gongkai tools. With no arguments (or 'serve') the jar starts the service.",
        subcommands = {CommandLine.HelpCommand.class, LoadCommand.class, IngestCommand.class, BenchCommand.class})
public final class GongkaiCommands {

    private GongkaiCommands() {}

    public static int run(String... args) {
        ReportRenderer renderer = ReportRenderer.standard();
        // the generator knows nothing of rendering: documents are the official HTML tables, wired here
        GenerateCommand generate = new GenerateCommand().withRenderer(r -> renderer.render(r, Layout.HTML_TABLE));
        return new CommandLine(new GongkaiCommands())
                .addSubcommand("generate", generate)
                .execute(args);
    }
}
