package io.edgefleet.server.resource;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * Metadata of a list response.
 *
 * @param resourceVersion the tenant's version when the list was read
 * @param continueToken present when more items follow: pass it as {@code continue} for the next page
 */
public record ListMeta(long resourceVersion, @JsonProperty("continue") Optional<String> continueToken) {}
