package org.gongkai;

import org.gongkai.bulk.LoadCommand;
import org.gongkai.documents.IngestCommand;
import org.gongkai.security.TokenCommand;
import org.gongkai.tools.bench.BenchCommand;
import org.gongkai.tools.generator.GenerateCommand;
import org.gongkai.tools.rendering.Layout;
import org.gongkai.tools.rendering.ReportRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line tools that ship in the same jar as the service ({@code java -jar quarkus-run.jar <tool>}). */
@Command(
        name = "gongkai",
        mixinStandardHelpOptions = true,
        description = "Gongkai tools. With no arguments (or 'serve') the jar starts the service.",
        subcommands = {
            CommandLine.HelpCommand.class,
            LoadCommand.class,
            IngestCommand.class,
            BenchCommand.class,
            TokenCommand.class
        })
public final class GongkaiCommands {

    private GongkaiCommands() {}

    public static int run(String... args) {
        ReportRenderer renderer = ReportRenderer.standard();
        // the generator knows nothing of rendering: documents are the official HTML tables, wired here
        GenerateCommand generate = new GenerateCommand().withRenderer(r -> renderer.render(r, Layout.HTML_TABLE));
        return new CommandLine(new GongkaiCommands())
                .addSubcommand("generate", generate)
                .setExecutionExceptionHandler(GongkaiCommands::oneLine)
                .execute(args);
    }

    /** Exit code of a tool that could not reach the service. */
    static final int UNREACHABLE = 3;
    /** Exit code of a tool given a path that does not exist or cannot be read. */
    static final int BAD_PATH = 2;

    /**
     * A tool's failure as one line on standard error and an exit code, not a stack trace: the commonest ones (the
     * service is down, a path does not exist) say what to do.
     */
    static int oneLine(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        String tool = "gongkai " + cmd.getCommandName();
        Throwable cause = e;
        while (cause.getCause() != null
                && !(cause instanceof java.net.ConnectException)
                && !(cause instanceof java.io.FileNotFoundException)
                && !(cause instanceof java.nio.file.NoSuchFileException)) cause = cause.getCause();
        if (cause instanceof java.net.ConnectException || cause instanceof java.net.http.HttpConnectTimeoutException) {
            cmd.getErr()
                    .println(tool + ": cannot reach the service (" + describe(cause)
                            + "); start it with 'java -jar target/quarkus-app/quarkus-run.jar' or pass --url");
            return UNREACHABLE;
        }
        if (cause instanceof java.nio.file.NoSuchFileException || cause instanceof java.io.FileNotFoundException) {
            String path = cause instanceof java.nio.file.NoSuchFileException n
                    ? n.getFile()
                    : cause.getMessage()
                            .replaceFirst(" not found$", "")
                            .replaceFirst(" \\(No such file or directory\\)$", "");
            cmd.getErr().println(tool + ": no such file or folder: " + path);
            return BAD_PATH;
        }
        if (cause instanceof java.nio.file.AccessDeniedException) {
            cmd.getErr().println(tool + ": cannot read " + cause.getMessage());
            return BAD_PATH;
        }
        cmd.getErr().println(tool + ": " + describe(e));
        return cmd.getCommandSpec().exitCodeOnExecutionException();
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        String kind = t.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : message + " (" + kind + ")";
    }
}
