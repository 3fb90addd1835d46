package org.hotline12345.workflow.cases;

import java.util.List;

/** One page of a query result with the total count of matches. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
