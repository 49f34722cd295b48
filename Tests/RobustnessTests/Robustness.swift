import Testing

/// Every robustness suite, one test at a time.
///
/// Many of these tests are long and CPU-bound. Run in parallel they would occupy all of Swift
/// concurrency's cooperative threads (two on a 2-core machine) and stall the timing-sensitive
/// runtime tests that run beside them; serialized, they use at most one.
@Suite(.serialized) enum Robustness {}
