package org.hotline12345.workflow.cases;

import java.util.regex.Pattern;

/**
 * The citizen who called. {@code anonymous} callers give no name or phone; {@code confidential}
 * callers (e.g. whistle-blowers on a 举报) must never be disclosed to the handling unit.
 */
public record Caller(String name, String phone, boolean anonymous, boolean confidential) {

    /** Mainland mobile or landline numbers, optionally with +86, area code and extension. */
    static final Pattern PHONE = Pattern.compile("(\\+?86[- ]?)?(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?|\\d{7,8})");

    public static Caller anonymousCaller() {
        return new Caller(null, null, true, false);
    }

    public static boolean isWellFormedPhone(String phone) {
        return phone != null && PHONE.matcher(phone).matches();
    }

    /** The name with all but the first character hidden, for people without the personal-data right. */
    public String maskedName() {
        if (name == null || name.isEmpty()) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, 1)) + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
    }

    /** The phone with the middle digits hidden, e.g. {@code 138****5678}. */
    public String maskedPhone() {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
