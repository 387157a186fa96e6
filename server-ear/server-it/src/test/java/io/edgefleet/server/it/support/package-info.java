/**
 * What the server ITs share: the deployment (the real EAR), an HTTP client of the REST API, the
 * MariaDB database of the run. Polling with a deadline is test-support's {@link
 * io.edgefleet.testsupport.Wait}.
 */
package io.edgefleet.server.it.support;
