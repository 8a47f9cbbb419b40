package org.gongkai.replicas;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The WAL position a request's reads must see ({@code Gongkai-Min-Lsn}, as a write answered it in
 * {@code Gongkai-Lsn}): a reader that sends it reads its own writes, on the replica once it has replayed that far and
 * on the primary until then.
 */
@RequestScoped
public class ReadAfter {

    private Lsn position;

    void set(Lsn position) {
        this.position = position;
    }

    Optional<Lsn> position() {
        return Optional.ofNullable(position);
    }
}
