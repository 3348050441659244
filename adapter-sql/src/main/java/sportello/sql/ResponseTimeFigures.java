package sportello.sql;

import java.time.Duration;
import java.util.List;
import sportello.ports.out.AnalyticsReport.ResponseTimes;

/** Average and 90th percentile (nearest rank) of response times, in seconds. */
public final class ResponseTimeFigures {

    private ResponseTimeFigures() {}

    public static ResponseTimes of(List<Duration> samples) {
        if (samples.isEmpty()) {
            return new ResponseTimes(null, null, 0);
        }
        double[] seconds =
                samples.stream().mapToDouble(d -> d.toNanos() / 1e9).sorted().toArray();
        double sum = 0;
        for (double s : seconds) {
            sum += s;
        }
        int rank = (int) Math.ceil(0.9 * seconds.length);
        return new ResponseTimes(sum / seconds.length, seconds[rank - 1], seconds.length);
    }
}
