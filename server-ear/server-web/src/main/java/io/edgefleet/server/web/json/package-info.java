/**
 * JSON on the REST API: {@link io.edgefleet.server.web.json.JsonProvider} (Jackson, strict, 1 MiB)
 * configured by {@link io.edgefleet.server.web.json.RestJson}; {@link
 * io.edgefleet.server.web.json.JsonErrors} maps parse failures to problem codes.
 */
package io.edgefleet.server.web.json;
