package org.gongkai.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import org.gongkai.commandline.ServiceOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gongkai token create|list|revoke}: an admin manages bearer tokens of a running service through
 * {@code /api/tokens}, with its own admin token ({@code --token} or {@code GONGKAI_TOKEN}).
 */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Create, list or revoke bearer tokens of a running Gongkai (needs an admin token)",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public final class TokenCommand {

    /** Exit code of an answer that is not a success (the problem's detail is printed). */
    static final int REFUSED = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Prints a success's body (as given) or the problem's detail, and says which exit code it is. */
    static int answer(HttpResponse<String> r, java.util.function.Consumer<String> onSuccess) throws Exception {
        if (r.statusCode() / 100 == 2) {
            onSuccess.accept(r.body());
            return 0;
        }
        String detail = r.body();
        try {
            JsonNode p = JSON.readTree(r.body());
            if (p.hasNonNull("detail")) detail = p.get("detail").asText();
        } catch (Exception notJson) {
            // keep the body as it came
        }
        System.err.println("gongkai token: the service answered " + r.statusCode() + ": " + detail);
        return REFUSED;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token and print it (once)")
    static final class Create implements Callable<Integer> {

        @Mixin
        ServiceOptions service;

        @Option(names = "--name", required = true, description = "who or what the token is for")
        String name;

        @Option(names = "--role", required = true, description = "admin, submitter or supervisor")
        String role;

        @Option(names = "--region", description = "the region code a submitter or supervisor is bound to")
        String region;

        @Option(names = "--agency", description = "bind a submitter to one agency (its canonical name)")
        String agency;

        @Option(names = "--rate", description = "queries, views and exports a minute (default: the service's)")
        Integer rate;

        @Override
        public Integer call() throws Exception {
            ObjectNode body = JSON.createObjectNode().put("name", name).put("role", role);
            if (region != null) body.put("regionCode", region);
            if (agency != null) body.put("agency", agency);
            if (rate != null) body.put("ratePerMinute", rate);
            return answer(
                    send(service.request("/api/tokens")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))),
                    b -> {
                        JsonNode t = read(b);
                        System.out.println("token " + t.path("id").asText() + " ("
                                + t.path("role").asText() + "), shown only now:");
                        System.out.println(t.path("token").asText());
                    });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every token (never the secrets)")
    static final class ListTokens implements Callable<Integer> {

        @Mixin
        ServiceOptions service;

        @Override
        public Integer call() throws Exception {
            return answer(send(service.request("/api/tokens").GET()), b -> {
                for (JsonNode t : read(b)) {
                    System.out.printf(
                            "%s\t%s\t%s\t%s\t%s%n",
                            t.path("id").asText(),
                            t.path("role").asText(),
                            t.path("regionCode").asText("-"),
                            t.hasNonNull("revokedAt")
                                    ? "revoked " + t.get("revokedAt").asText()
                                    : "active",
                            t.path("name").asText());
                }
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by its id")
    static final class Revoke implements Callable<Integer> {

        @Mixin
        ServiceOptions service;

        @Parameters(index = "0", description = "the token's id (as 'token list' shows it)")
        String id;

        @Override
        public Integer call() throws Exception {
            return answer(
                    send(service.request("/api/tokens/" + id).DELETE()),
                    b -> System.out.println("token " + id + " revoked"));
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("the service's answer is not JSON", e);
        }
    }
}
