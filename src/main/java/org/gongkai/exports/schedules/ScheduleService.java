package org.gongkai.exports.schedules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Creates, changes, pauses and deletes export schedules, keeping the scheduler's jobs in step with the table. */
@ApplicationScoped
public class ScheduleService {

    @Inject
    ScheduleStore store;

    @Inject
    ScheduleRegistry registry;

    @Transactional
    public ExportSchedule create(ScheduleDefinition d) {
        ExportSchedule s = store.find(store.insert(d)).orElseThrow();
        registry.register(s);
        return s;
    }

    @Transactional
    public Optional<ExportSchedule> replace(long id, ScheduleDefinition d) {
        if (!store.update(id, d)) return Optional.empty();
        ExportSchedule s = store.find(id).orElseThrow();
        registry.register(s);
        return Optional.of(s);
    }

    @Transactional
    public Optional<ExportSchedule> setActive(long id, boolean active) {
        if (!store.setActive(id, active)) return Optional.empty();
        ExportSchedule s = store.find(id).orElseThrow();
        registry.register(s);
        return Optional.of(s);
    }

    @Transactional
    public boolean delete(long id) {
        registry.unregister(id);
        return store.delete(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ExportSchedule> find(long id) {
        return store.find(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExportSchedule> list() {
        return store.list();
    }
}
