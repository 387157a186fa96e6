/**
 * The SPI contract every device driver passes, shipped in driver-api's test-jar.
 *
 * <p>Start at {@link io.edgefleet.driver.contract.DriverContractTest}: a driver module extends it,
 * supplies a reachable device (a real peer: an in-process server or a process the test starts), an
 * unreachable one and a badly configured one, and inherits the checks the edge daemon relies on.
 */
package io.edgefleet.driver.contract;
