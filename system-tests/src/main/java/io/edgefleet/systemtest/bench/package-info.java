/**
 * Benchmarks behind {@code ./fleet bench [NAME]}. Each prints its figures on standard output as
 * {@code metric value unit} lines and its progress on standard error. Start at {@link
 * io.edgefleet.systemtest.bench.BenchMain}.
 */
package io.edgefleet.systemtest.bench;
