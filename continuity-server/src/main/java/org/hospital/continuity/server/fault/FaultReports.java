package org.hospital.continuity.server.fault;

import io.smallrye.mutiny.Uni;
import java.util.List;

/** The fault reports staff filed (EP-3.1), newest first: what the board lists as waiting for IT's verification. */
public interface FaultReports {

    Uni<List<FaultReport>> newest(int limit);
}
