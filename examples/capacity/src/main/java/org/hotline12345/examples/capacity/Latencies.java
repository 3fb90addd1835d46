package org.hotline12345.examples.capacity;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.hotline12345.examples.capacity.CaseScript.Kind;

/** Call latencies per operation, in nanoseconds, and their percentiles; one per client thread, merged at the end. */
final class Latencies {

    private final Map<Kind, long[]> samples = new EnumMap<>(Kind.class);
    private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);

    void add(Kind kind, long nanos) {
        int count = counts.getOrDefault(kind, 0);
        long[] values = samples.computeIfAbsent(kind, k -> new long[1024]);
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
            samples.put(kind, values);
        }
        values[count] = nanos;
        counts.put(kind, count + 1);
    }

    void addAll(Latencies other) {
        other.counts.forEach((kind, count) -> {
            long[] values = other.samples.get(kind);
            for (int i = 0; i < count; i++) {
                add(kind, values[i]);
            }
        });
    }

    long calls() {
        return counts.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** The calls of one operation. */
    long calls(Kind kind) {
        return counts.getOrDefault(kind, 0);
    }

    /** Per operation: calls, p50, p95 and p99 in milliseconds. */
    Map<Kind, double[]> percentiles() {
        Map<Kind, double[]> result = new EnumMap<>(Kind.class);
        counts.forEach((kind, count) -> {
            long[] sorted = Arrays.copyOf(samples.get(kind), count);
            Arrays.sort(sorted);
            result.put(kind, new double[] {count, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99)});
        });
        return result;
    }

    /** Over every call, p50, p95 and p99 in milliseconds. */
    double[] overall() {
        long[] all = new long[(int) calls()];
        int i = 0;
        for (Map.Entry<Kind, Integer> entry : counts.entrySet()) {
            System.arraycopy(samples.get(entry.getKey()), 0, all, i, entry.getValue());
            i += entry.getValue();
        }
        Arrays.sort(all);
        return new double[] {all.length, at(all, 0.50), at(all, 0.95), at(all, 0.99)};
    }

    private static double at(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
