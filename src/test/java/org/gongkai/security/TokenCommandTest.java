package org.gongkai.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.gongkai.GongkaiCommands;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code gongkai token create|list|revoke} against the running test service, with the test admin token. */
@QuarkusTest
@Tag("database")
class TokenCommandTest {

    @TestHTTPResource("/")
    URL service;

    private record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = GongkaiCommands.run(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private String url() {
        return service.toString().replaceAll("/$", "");
    }

    @Test
    void createsListsAndRevokesATokenFromTheCommandLine() {
        Run created = run(
                "token",
                "create",
                "--url",
                url(),
                "--token",
                DefaultAdminToken.TOKEN,
                "--name",
                "cli supervisor",
                "--role",
                "supervisor",
                "--region",
                "650000");
        assertThat(created.exit()).as(created.err()).isZero();
        String[] lines = created.out().strip().split("\n");
        String secret = lines[lines.length - 1].strip();
        assertThat(secret).startsWith("gk_");
        String id = lines[0].replaceFirst("^token (\\d+) .*$", "$1");

        Run listed = run("token", "list", "--url", url(), "--token", DefaultAdminToken.TOKEN);
        assertThat(listed.exit()).isZero();
        assertThat(listed.out())
                .contains(id + "\tsupervisor\t650000\tactive\tcli supervisor")
                .doesNotContain(secret);

        RoleEndpointTest.as(secret).get("/api/metrics").then().statusCode(200);
        Run revoked = run("token", "revoke", "--url", url(), "--token", DefaultAdminToken.TOKEN, id);
        assertThat(revoked.exit()).isZero();
        RoleEndpointTest.as(secret).get("/api/metrics").then().statusCode(401);
    }

    @Test
    void aRefusedCallSaysWhyInOneLine() {
        Run r = run("token", "list", "--url", url(), "--token", "gk_wrong");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("gongkai token: the service answered 401");
    }
}
