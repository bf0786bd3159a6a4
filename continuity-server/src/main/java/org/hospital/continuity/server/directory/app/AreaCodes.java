package org.hospital.continuity.server.directory.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import org.hospital.continuity.playbooks.party.Department;

/** The business areas of the downtime ladder, from the playbooks library (EP-5.2, EP-6). */
@ApplicationScoped
public class AreaCodes {

    public List<String> codes() {
        return Arrays.stream(Department.values()).map(Department::code).toList();
    }

    public boolean isArea(String code) {
        return Department.fromCode(code).isPresent();
    }
}
