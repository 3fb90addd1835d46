package org.hotline12345.workflow.calendar;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells working days from days off: weekends are off, statutory holidays are off, make-up working
 * days (调休) are on, per year. {@link #withYear(CalendarYear)} returns a new calendar; {@link #load(CalendarYear)}
 * adds or replaces a year in this one while it is in use (thread-safe), for the State Council's notice of a new year
 * that arrives while the hotline runs.
 *
 * <p>A year with no data is never guessed: asking about it throws {@link MissingCalendarYearException},
 * unless the host opted in to {@link #withWeekendsOnlyFallback() the weekends-only fallback}, which is
 * then logged once per year at WARNING.
 */
public final class WorkingCalendar {

    /** The zone of the hotline; day limits end at 23:59:59 in it. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    /** The years shipped with the library, from the State Council's yearly notices. */
    public static final Set<Integer> BUNDLED_YEARS = Set.of(2024, 2025, 2026);

    private static final System.Logger LOG = System.getLogger(WorkingCalendar.class.getName());
    private static final String RESOURCE = "/org/hotline12345/workflow/calendar/cn/%d.txt";

    private final ZoneId zone;
    private final Map<Integer, CalendarYear> years;
    private final boolean weekendsOnlyFallback;
    private final Set<Integer> fallbackLogged = ConcurrentHashMap.newKeySet();

    private WorkingCalendar(ZoneId zone, Map<Integer, CalendarYear> years, boolean weekendsOnlyFallback) {
        this.zone = zone;
        this.years = new ConcurrentHashMap<>(years);
        this.weekendsOnlyFallback = weekendsOnlyFallback;
    }

    /** The mainland China calendar with the bundled years, in Asia/Shanghai, without fallback. */
    public static WorkingCalendar chinaMainland() {
        Map<Integer, CalendarYear> years = new HashMap<>();
        for (int year : BUNDLED_YEARS) {
            years.put(year, bundledYear(year));
        }
        return new WorkingCalendar(DEFAULT_ZONE, years, false);
    }

    /** A calendar with no year at all; add years with {@link #withYear(CalendarYear)}. */
    public static WorkingCalendar empty(ZoneId zone) {
        return new WorkingCalendar(zone, Map.of(), false);
    }

    static CalendarYear bundledYear(int year) {
        String path = String.format(RESOURCE, year);
        InputStream in = WorkingCalendar.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("bundled calendar resource missing: " + path);
        }
        return CalendarYear.parse(year, new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** Adds a year, or replaces the one with the same number. */
    public WorkingCalendar withYear(CalendarYear year) {
        Map<Integer, CalendarYear> copy = new HashMap<>(years);
        copy.put(year.year(), year);
        return new WorkingCalendar(zone, copy, weekendsOnlyFallback);
    }

    /** Adds or replaces a year in this calendar, effective at once for every deadline computed from now on. */
    public void load(CalendarYear year) {
        years.put(year.year(), year);
        LOG.log(Level.INFO, "Working-day calendar: loaded {0}", String.valueOf(year.year()));
    }

    /**
     * The years without data that fall within {@code horizon} after {@code from}, ascending. A deadline counted in that
     * window would hit them; the host should load them before it does.
     */
    public Set<Integer> missingYearsWithin(LocalDate from, java.time.Period horizon) {
        Set<Integer> missing = new TreeSet<>();
        LocalDate until = from.plus(horizon);
        for (int year = from.getYear(); year <= until.getYear(); year++) {
            if (!years.containsKey(year)) {
                missing.add(year);
            }
        }
        return missing;
    }

    public WorkingCalendar withZone(ZoneId zone) {
        return new WorkingCalendar(zone, years, weekendsOnlyFallback);
    }

    /** Opts in to treating a year without data as weekends-only, logging a warning for each such year. */
    public WorkingCalendar withWeekendsOnlyFallback() {
        return new WorkingCalendar(zone, years, true);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The years with real data, ascending. */
    public Set<Integer> years() {
        return new TreeSet<>(years.keySet());
    }

    public boolean hasYear(int year) {
        return years.containsKey(year);
    }

    /** @throws MissingCalendarYearException if the day's year has no data and the fallback is off */
    public boolean isWorkingDay(LocalDate day) {
        return year(day.getYear()).isWorkingDay(day);
    }

    /**
     * The {@code n}-th working day after {@code start}; the start day itself never counts, whether or
     * not it is a working day. {@code n == 0} returns {@code start}.
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + n);
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The {@code n}-th working day before {@code end} (the end day itself does not count). Used for
     * lead times such as "one working day before the deadline".
     */
    public LocalDate subtractWorkingDays(LocalDate end, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + n);
        }
        LocalDate day = end;
        int counted = 0;
        while (counted < n) {
            day = day.minusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** How many working days lie after {@code from} up to and including {@code to}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private CalendarYear year(int year) {
        CalendarYear data = years.get(year);
        if (data != null) {
            return data;
        }
        if (!weekendsOnlyFallback) {
            throw new MissingCalendarYearException(year);
        }
        if (fallbackLogged.add(year)) {
            LOG.log(Level.WARNING, "No working-day calendar data for {0}: counting weekends only. "
                    + "Statutory holidays of {0} are NOT respected until the year''s data is added.", String.valueOf(year));
        }
        return CalendarYear.weekendsOnly(year);
    }
}
