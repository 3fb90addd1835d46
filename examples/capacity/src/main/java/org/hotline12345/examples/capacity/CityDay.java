package org.hotline12345.examples.capacity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hotline12345.examples.capacity.CaseScript.Action;
import org.hotline12345.examples.capacity.CaseScript.Kind;
import org.hotline12345.workflow.cases.Category;
import org.hotline12345.workflow.cases.Channel;
import org.hotline12345.workflow.cases.Satisfaction;
import org.hotline12345.workflow.cases.Urgency;

/**
 * A city's day of cases, seeded so that a run can be repeated. The mix (docs/performance.md): channels phone 60 %, WeChat
 * 12 %, web 15 %, app 10 %, letter 3 %; categories consultation 40 % (60 % of them answered on the call), help 15 %,
 * complaint 25 %, report 10 %, suggestion 7 %, praise 3 %; urgency normal 94 %, urgent 5 %, emergency 1 %. Of the
 * dispatched cases: 5 % returned and re-dispatched, 10 % signed for late, 4 % of the ordinary ones extended, 15 % replied
 * late (red cards and urging), 5 % of replies sent back at review, 8 % of callbacks unsatisfied and reworked once.
 */
final class CityDay {

    /** The demo city's districts and bureau with the area code the routing table knows them by. */
    static final List<String[]> UNITS = List.of(new String[] {"lixia", "370102"}, new String[] {"shizhong", "370103"},
            new String[] {"huaiyin", "370104"}, new String[] {"city-urban-management", "370199"});

    private CityDay() {
    }

    static List<CaseScript> generate(int cases, long seed, Instant dayStart) {
        Random random = new Random(seed);
        List<CaseScript> scripts = new ArrayList<>(cases);
        for (int i = 0; i < cases; i++) {
            scripts.add(script(i, random, dayStart));
        }
        return scripts;
    }

    private static CaseScript script(int index, Random random, Instant dayStart) {
        Channel channel = pick(random, new Channel[] {Channel.PHONE, Channel.WECHAT, Channel.WEB, Channel.APP, Channel.LETTER},
                new int[] {60, 12, 15, 10, 3});
        Category category = pick(random, new Category[] {Category.CONSULTATION, Category.HELP, Category.COMPLAINT, Category.REPORT,
            Category.SUGGESTION, Category.PRAISE}, new int[] {40, 15, 25, 10, 7, 3});
        Urgency urgency = pick(random, new Urgency[] {Urgency.NORMAL, Urgency.URGENT, Urgency.EMERGENCY}, new int[] {94, 5, 1});
        String[] unit = UNITS.get(random.nextInt(UNITS.size()));
        List<Action> actions = new ArrayList<>();
        Instant t = dayStart.plus(minutes(random, 0, 9 * 60));
        actions.add(Action.of(t, Kind.INTAKE));
        // Consultations answered on the call are ordinary ones: the routing table sends emergencies to a unit at once.
        if (category == Category.CONSULTATION && urgency == Urgency.NORMAL && random.nextInt(100) < 60) {
            actions.add(Action.of(t.plus(Duration.ofMinutes(2)), Kind.DIRECT_ANSWER));
            return new CaseScript(index, channel, category, urgency, unit[1], actions);
        }
        t = t.plus(minutes(random, 5, 60));
        actions.add(new Action(t, Kind.DISPATCH, unit[0], true, null));
        if (random.nextInt(100) < 5) {
            t = t.plus(minutes(random, 30, 240));
            actions.add(Action.of(t, Kind.REQUEST_RETURN));
            t = t.plus(Duration.ofHours(1));
            String other = UNITS.get((UNITS.indexOf(unit) + 1) % UNITS.size())[0];
            actions.add(new Action(t, Kind.DECIDE_RETURN, other, true, null));
        }
        boolean lateSignFor = random.nextInt(100) < 10;
        t = t.plus(lateSignFor ? minutes(random, 30 * 60, 40 * 60) : minutes(random, 20, 6 * 60));
        actions.add(Action.of(t, Kind.SIGN_FOR));
        // Extensions of 3 working days are for ordinary cases: the policy caps urgent ones at one day, emergencies at none.
        if (urgency == Urgency.NORMAL && random.nextInt(100) < 4) {
            t = t.plus(Duration.ofHours(1));
            actions.add(Action.of(t, Kind.REQUEST_EXTENSION));
            t = t.plus(Duration.ofHours(2));
            actions.add(Action.of(t, Kind.DECIDE_EXTENSION));
        }
        boolean lateReply = random.nextInt(100) < 15;
        t = t.plus(lateReply ? minutes(random, 8 * 24 * 60, 12 * 24 * 60) : minutes(random, 2 * 60, 3 * 24 * 60));
        actions.add(Action.of(t, Kind.REPLY));
        if (random.nextInt(100) < 5) {
            t = t.plus(Duration.ofHours(2));
            actions.add(new Action(t, Kind.REVIEW, null, false, null));
            t = t.plus(Duration.ofDays(1));
            actions.add(Action.of(t, Kind.REPLY));
        }
        t = t.plus(Duration.ofHours(2));
        actions.add(Action.of(t, Kind.REVIEW));
        t = t.plus(Duration.ofHours(3));
        if (random.nextInt(100) < 8) {
            actions.add(new Action(t, Kind.CALLBACK, null, true, Satisfaction.UNSATISFIED));
            t = t.plus(Duration.ofDays(1));
            actions.add(Action.of(t, Kind.REPLY));
            t = t.plus(Duration.ofHours(2));
            actions.add(Action.of(t, Kind.REVIEW));
            t = t.plus(Duration.ofHours(3));
        }
        actions.add(new Action(t, Kind.CALLBACK, null, true, random.nextInt(100) < 80 ? Satisfaction.SATISFIED
                : Satisfaction.BASICALLY_SATISFIED));
        return new CaseScript(index, channel, category, urgency, unit[1], actions);
    }

    private static Duration minutes(Random random, int from, int to) {
        return Duration.ofMinutes(from + random.nextInt(Math.max(1, to - from)));
    }

    private static <T> T pick(Random random, T[] values, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
