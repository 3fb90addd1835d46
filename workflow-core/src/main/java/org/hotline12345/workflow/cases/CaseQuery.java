package org.hotline12345.workflow.cases;

/**
 * A filter over cases; null fields do not filter. Pages start at 0; results are ordered by case
 * number, newest first.
 */
public record CaseQuery(UnitId unit, CaseStatus status, WarningLevel warning, String number, int page, int size) {

    public static final int MAX_PAGE_SIZE = 200;

    public CaseQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must be >= 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be 1.." + MAX_PAGE_SIZE);
        }
    }

    public static CaseQuery all() {
        return new CaseQuery(null, null, null, null, 0, 20);
    }

    public CaseQuery withUnit(UnitId unit) {
        return new CaseQuery(unit, status, warning, number, page, size);
    }

    public CaseQuery withStatus(CaseStatus status) {
        return new CaseQuery(unit, status, warning, number, page, size);
    }

    public CaseQuery withWarning(WarningLevel warning) {
        return new CaseQuery(unit, status, warning, number, page, size);
    }

    public CaseQuery withNumber(String number) {
        return new CaseQuery(unit, status, warning, number, page, size);
    }

    public CaseQuery withPage(int page, int size) {
        return new CaseQuery(unit, status, warning, number, page, size);
    }
}
