package org.hospital.continuity.server.incident.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.hospital.continuity.playbooks.classify.OverrideRequest;
import org.hospital.continuity.playbooks.incident.Input;
import org.hospital.continuity.playbooks.signal.Clearance;
import org.hospital.continuity.playbooks.signal.Diagnosis;
import org.hospital.continuity.playbooks.signal.FaultReport;
import org.hospital.continuity.playbooks.signal.IntegrityAlarm;
import org.hospital.continuity.playbooks.signal.ProbeResult;
import org.hospital.continuity.playbooks.signal.Signal;

/**
 * The engine's inputs as journal rows: a kind and the record as JSON (the playbooks records are plain
 * records; Jackson writes and reads them by their components). Replaying the journal must give the very
 * same inputs, so {@code InputCodecTest} round-trips every kind (with the incident a decision names and the area
 * a signal or request names: several incidents may be open at once).
 */
@ApplicationScoped
public class InputCodec {

    /** A journal row's content. */
    public record Encoded(String kind, JsonObject payload) {
    }

    private final ObjectMapper json;

    public InputCodec(ObjectMapper json) {
        this.json = json;
    }

    public Encoded encode(Input input) {
        if (input instanceof Input.Observe o) {
            return new Encoded(signalKind(o.signal()), write(o.signal()));
        }
        if (input instanceof Input.RequestOverride r) {
            // the request's fields with the incident it names (several may be open at once)
            JsonObject payload = write(r.request());
            r.incident().ifPresent(i -> payload.put("incident", i));
            return new Encoded("OVERRIDE", payload);
        }
        if (input instanceof Input.LiftOverride l) {
            return new Encoded("LIFT_OVERRIDE", write(l));
        }
        if (input instanceof Input.RequestManualMode m) {
            return new Encoded("MANUAL_MODE_REQUEST", write(m));
        }
        if (input instanceof Input.ChangeContext c) {
            return new Encoded("CONTEXT", write(c));
        }
        if (input instanceof Input.SwitchEarlier e) {
            return new Encoded("SWITCH_EARLIER", write(e));
        }
        if (input instanceof Input.MergeIncidents m) {
            return new Encoded("MERGE_INCIDENTS", write(m));
        }
        throw new IllegalArgumentException("unknown input " + input.getClass().getSimpleName());
    }

    public static String signalKind(Signal s) {
        if (s instanceof ProbeResult) {
            return "PROBE_RESULT";
        }
        if (s instanceof FaultReport) {
            return "FAULT_REPORT";
        }
        if (s instanceof IntegrityAlarm) {
            return "INTEGRITY_ALARM";
        }
        if (s instanceof Diagnosis) {
            return "DIAGNOSIS";
        }
        return "CLEARANCE";
    }

    public Input decode(String kind, JsonObject payload) {
        return switch (kind) {
            case "PROBE_RESULT" -> new Input.Observe(read(payload, ProbeResult.class));
            case "FAULT_REPORT" -> new Input.Observe(read(payload, FaultReport.class));
            case "INTEGRITY_ALARM" -> new Input.Observe(read(payload, IntegrityAlarm.class));
            case "DIAGNOSIS" -> new Input.Observe(read(payload, Diagnosis.class));
            case "CLEARANCE" -> new Input.Observe(read(payload, Clearance.class));
            case "OVERRIDE" -> new Input.RequestOverride(read(without(payload, "incident"), OverrideRequest.class),
                    java.util.Optional.ofNullable(payload.getString("incident")));
            case "LIFT_OVERRIDE" -> read(payload, Input.LiftOverride.class);
            case "MANUAL_MODE_REQUEST" -> read(payload, Input.RequestManualMode.class);
            case "CONTEXT" -> read(payload, Input.ChangeContext.class);
            case "SWITCH_EARLIER" -> read(payload, Input.SwitchEarlier.class);
            case "MERGE_INCIDENTS" -> read(payload, Input.MergeIncidents.class);
            default -> throw new IllegalStateException("unknown journal input kind " + kind);
        };
    }

    private static JsonObject without(JsonObject payload, String key) {
        JsonObject copy = payload.copy();
        copy.remove(key);
        return copy;
    }

    private JsonObject write(Object value) {
        try {
            return new JsonObject(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(JsonObject payload, Class<T> type) {
        try {
            return json.readValue(payload.encode(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read journal " + type.getSimpleName(), e);
        }
    }
}
