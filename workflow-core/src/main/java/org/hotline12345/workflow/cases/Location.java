package org.hotline12345.workflow.cases;

/**
 * Where the matter is: a free-text address, the administrative area code (e.g. {@code 370102}) that
 * routing uses, and optional coordinates.
 */
public record Location(String address, String areaCode, Double latitude, Double longitude) {

    public static Location of(String address, String areaCode) {
        return new Location(address, areaCode, null, null);
    }
}
