package sportello.app.metrics;

import sportello.ports.contract.MetricsContract;
import sportello.ports.out.Metrics;

/** The Prometheus metrics keep the promises of every metrics port. */
class PrometheusMetricsContractTest extends MetricsContract {

    private final PrometheusMetrics metrics = new PrometheusMetrics(() -> 0, () -> 0, 3000);

    @Override
    protected Metrics metrics() {
        return metrics;
    }
}
