/**
 * The web module's entry points: {@link io.edgefleet.server.web.boot.ServerStartup} starts the server
 * (server-core's lifecycle) when Liberty starts the application; {@link
 * io.edgefleet.server.web.boot.NotFoundServlet} answers unknown paths.
 */
package io.edgefleet.server.web.boot;
