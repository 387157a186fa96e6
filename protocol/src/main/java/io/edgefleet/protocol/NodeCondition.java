package io.edgefleet.protocol;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One observed condition of an edge PC, Kubernetes-shaped: {@code DiskPressure} or {@code
 * MemoryPressure} (True = the node is short of it). The edge reports a condition again only when its
 * status or reason changes, so {@code message} tells the figures as they were at that change.
 *
 * @param type what is observed, CamelCase ({@link #DISK_PRESSURE}, {@link #MEMORY_PRESSURE})
 * @param reason why, CamelCase, e.g. {@code LowDiskSpace}, {@code EnoughDiskSpace}
 * @param message the figures for a person, at most {@value #MAX_MESSAGE} characters
 * @param lastTransitionTime when the status last changed, as the edge saw it
 */
public record NodeCondition(
        String type, ConditionStatus status, String reason, String message, Instant lastTransitionTime) {
    public static final String DISK_PRESSURE = "DiskPressure";
    public static final String MEMORY_PRESSURE = "MemoryPressure";
    public static final int MAX_MESSAGE = 256;

    private static final Pattern WORD = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}");

    public NodeCondition {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(lastTransitionTime, "lastTransitionTime");
        if (type == null || !WORD.matcher(type).matches()) {
            throw new IllegalArgumentException("a condition type is one CamelCase word of at most 64 characters");
        }
        if (reason == null || !WORD.matcher(reason).matches()) {
            throw new IllegalArgumentException("a condition reason is one CamelCase word of at most 64 characters");
        }
        if (message.length() > MAX_MESSAGE) {
            throw new IllegalArgumentException("a condition message has at most " + MAX_MESSAGE + " characters");
        }
    }
}
