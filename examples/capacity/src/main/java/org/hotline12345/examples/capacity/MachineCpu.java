package org.hotline12345.examples.capacity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time the whole machine spent, from Linux's {@code /proc/stat}: this JVM, the database server and whatever
 * else ran. On a machine whose cores the database shares with the JVM, the time both spend a case is what two client
 * threads run out of first; the JVM's own CPU time leaves the server's out.
 */
final class MachineCpu {

    private static final Path STAT = Path.of("/proc/stat");
    /** Linux counts {@code /proc/stat} in ticks of USER_HZ, 100 a second on the common kernels. */
    private static final long MILLIS_PER_TICK = 10;

    private MachineCpu() {
    }

    /**
     * Milliseconds the machine's cores were busy since it started (user, nice, system, interrupts; not idle, not
     * waiting for the disk, not stolen by a hypervisor), or -1 where {@code /proc/stat} cannot be read.
     */
    static long busyMillis() {
        try {
            String[] total = Files.readAllLines(STAT).get(0).trim().split("\\s+");
            if (!total[0].equals("cpu")) {
                return -1;
            }
            long user = Long.parseLong(total[1]);
            long nice = Long.parseLong(total[2]);
            long system = Long.parseLong(total[3]);
            long irq = Long.parseLong(total[6]);
            long softirq = Long.parseLong(total[7]);
            return (user + nice + system + irq + softirq) * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
