/**
 * What the server ITs share: the deployment (the real EAR), an HTTP client of the REST API, the
 * MariaDB database of the run, polling.
 */
package io.edgefleet.server.it.support;
