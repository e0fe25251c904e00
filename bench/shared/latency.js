// Latencies as the benchmarks keep them: an HdrHistogram of microseconds, read in milliseconds like autocannon's.
const hdr = require('hdr-histogram-js');

const milliseconds = (us) => Number((us / 1000).toFixed(1));

const histogram = () => hdr.build({ numberOfSignificantValueDigits: 3 });

const percentiles = (latenciesUs) => ({
  p50: milliseconds(latenciesUs.getValueAtPercentile(50)),
  p99: milliseconds(latenciesUs.getValueAtPercentile(99)),
  p999: milliseconds(latenciesUs.getValueAtPercentile(99.9)),
  max: milliseconds(latenciesUs.maxValue),
});

module.exports = { histogram, percentiles };
