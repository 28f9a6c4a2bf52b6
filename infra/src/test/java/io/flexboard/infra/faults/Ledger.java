package io.flexboard.infra.faults;

import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/** Every command the API acknowledged: per tenant, the aggregate sequences it answered. */
final class Ledger {

    private final Map<String, NavigableSet<Long>> acknowledged = new ConcurrentHashMap<>();

    void acknowledged(String tenantId, long sequence) {
        acknowledged.computeIfAbsent(tenantId, id -> new ConcurrentSkipListSet<>()).add(sequence);
    }

    Map<String, NavigableSet<Long>> byTenant() {
        return Map.copyOf(acknowledged);
    }

    int count() {
        return acknowledged.values().stream().mapToInt(NavigableSet::size).sum();
    }

    long last(String tenantId) {
        return acknowledged.get(tenantId).last();
    }
}
