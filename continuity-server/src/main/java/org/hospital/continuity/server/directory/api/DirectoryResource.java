package org.hospital.continuity.server.directory.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hospital.continuity.server.directory.app.KeepingTheDirectory;
import org.hospital.continuity.server.directory.ContactKind;
import org.hospital.continuity.server.directory.Department;
import org.hospital.continuity.server.directory.Person;
import org.hospital.continuity.server.platform.security.StaffRole;
import org.hospital.continuity.server.platform.api.DomainRejection;
import org.hospital.continuity.server.platform.security.Roles;
import org.hospital.continuity.server.platform.security.Staff;
import org.jboss.resteasy.reactive.RestResponse;

/** EP-2, EP-9.1: departments, people and their contact channels. Read by everyone signed in; kept by IT administrators. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource {

    private final KeepingTheDirectory directory;
    private final SecurityIdentity identity;

    public DirectoryResource(KeepingTheDirectory directory, SecurityIdentity identity) {
        this.directory = directory;
        this.identity = identity;
    }

    public record NewDepartment(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9_-]+", message = "upper-case letters, digits, _ and -") String code,
            @NotBlank @Size(max = 100) String nameZh,
            @Size(max = 100) String nameEn,
            @Size(max = 40) String area,
            @Size(max = 100) String place) {

        /** The department as entered: without an English name it goes by its Chinese one; an empty place is none. */
        Department department() {
            return new Department(code, nameZh.strip(), blank(nameEn) ? nameZh.strip() : nameEn.strip(), blank(area) ? null : area,
                    blank(place) ? null : place.strip());
        }
    }

    /** A department corrected: its names, ladder area and place (the code stays). */
    public record DepartmentChange(
            @NotBlank @Size(max = 100) String nameZh,
            @Size(max = 100) String nameEn,
            @Size(max = 40) String area,
            @Size(max = 100) String place) {
    }

    /**
     * A department with its ladder area and place also in words ({@code areaZh}: 药房; {@code placeZh}: B楼 5层), so a
     * page never shows the codes; {@code areaZh} is null for a department outside the ladder, {@code placeZh} when its
     * place is not recorded.
     */
    public record DepartmentView(String code, String nameZh, String nameEn, String area, String areaZh, String areaEn, String place,
                                 String placeZh, String placeEn) {
        static DepartmentView of(Department d) {
            var area = d.area() == null ? java.util.Optional.<org.hospital.continuity.playbooks.party.Department>empty()
                    : org.hospital.continuity.playbooks.party.Department.fromCode(d.area());
            var place = org.hospital.continuity.playbooks.fault.Area.parse(d.place()).filter(a -> !a.isHospital());
            return new DepartmentView(d.code(), d.nameZh(), d.nameEn(), d.area(), area.map(a -> a.zh()).orElse(null),
                    area.map(a -> a.en()).orElse(null), d.place(), place.map(a -> a.name().zh()).orElse(null),
                    place.map(a -> a.name().en()).orElse(null));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public record ContactInput(@NotNull ContactKind kind, @NotBlank @Size(max = 200) String address, LocalDate lastConfirmedOn) {
    }

    public record NewPerson(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 40) String departmentCode,
            @NotEmpty @Size(max = 10) Set<@NotNull StaffRole> roles,
            @Size(max = 10) List<@Valid @NotNull ContactInput> contacts) {
    }

    public record RolesInput(@NotEmpty @Size(max = 10) Set<@NotNull StaffRole> roles) {
    }

    /** A person without contacts: everyone signed in may see who works where. */
    public record PersonView(UUID id, String name, String departmentCode, Set<StaffRole> roles, boolean active) {
        static PersonView of(Person p) {
            return new PersonView(p.id(), p.name(), p.departmentCode(), p.roles(), p.active());
        }
    }

    /** A person with contacts and staleness (EP-9.1): IT and leadership only. */
    public record PersonDetail(UUID id, String name, String departmentCode, Set<StaffRole> roles, boolean active,
                               List<ContactView> contacts) {
    }

    public record ContactView(UUID id, ContactKind kind, String address, LocalDate lastConfirmedOn, boolean stale) {
    }

    private PersonDetail detail(Person p) {
        LocalDate today = directory.today();
        return new PersonDetail(p.id(), p.name(), p.departmentCode(), p.roles(), p.active(), p.contacts().stream()
                .map(c -> new ContactView(c.id(), c.kind(), c.address(), c.lastConfirmedOn(),
                        directory.isStale(c.lastConfirmedOn(), today)))
                .toList());
    }

    @GET
    @Path("/departments")
    @RolesAllowed(Roles.READER)
    public Uni<List<DepartmentView>> departments() {
        return directory.departments().map(l -> l.stream().map(DepartmentView::of).toList());
    }

    @POST
    @Path("/departments")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Department>> addDepartment(@Valid @NotNull NewDepartment d) {
        return directory.addDepartment(d.department())
                .map(x -> RestResponse.ResponseBuilder.<Department>created(URI.create("/api/departments/" + x.code())).entity(x).build());
    }

    /** EP-2, EP-4.1: an IT administrator corrects a department's names, ladder area or place (audited as every change). */
    @PUT
    @Path("/departments/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<DepartmentView> editDepartment(@PathParam("code") @Size(max = 40) String code, @Valid @NotNull DepartmentChange d) {
        return directory.editDepartment(new NewDepartment(code, d.nameZh(), d.nameEn(), d.area(), d.place()).department())
                .map(DepartmentView::of);
    }

    @GET
    @Path("/people")
    @RolesAllowed(Roles.READER)
    public Uni<List<PersonView>> people(@QueryParam("department") @Size(max = 40) String department) {
        return directory.people(department).map(l -> l.stream().map(PersonView::of).toList());
    }

    @POST
    @Path("/people")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<PersonDetail>> addPerson(@Valid @NotNull NewPerson p) {
        List<KeepingTheDirectory.NewContact> contacts = p.contacts() == null ? List.of()
                : p.contacts().stream().map(c -> new KeepingTheDirectory.NewContact(c.kind(), c.address(), c.lastConfirmedOn())).toList();
        return directory.addPerson(p.name(), p.departmentCode(), EnumSet.copyOf(p.roles()), contacts)
                .map(x -> RestResponse.ResponseBuilder.<PersonDetail>created(URI.create("/api/people/" + x.id())).entity(detail(x)).build());
    }

    @GET
    @Path("/people/{id}")
    @RolesAllowed(Roles.READER)
    public Uni<PersonView> person(@PathParam("id") UUID id) {
        return directory.person(id).map(PersonView::of);
    }

    /** Contact details: IT, leadership, and the person themself. */
    @GET
    @Path("/people/{id}/contacts")
    @RolesAllowed(Roles.READER)
    public Uni<PersonDetail> contacts(@PathParam("id") UUID id) {
        Staff me = Staff.of(identity);
        if (!(me.has(Roles.IT) || me.has(Roles.LEADERSHIP) || id.equals(me.personId()))) {
            return Uni.createFrom().failure(new DomainRejection(403, "forbidden", "HR-12", "Contact details are for IT, the leadership group and the person themself."));
        }
        return directory.person(id).map(this::detail);
    }

    @PUT
    @Path("/people/{id}/roles")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PersonDetail> setRoles(@PathParam("id") UUID id, @Valid @NotNull RolesInput roles) {
        return directory.setRoles(id, EnumSet.copyOf(roles.roles())).map(this::detail);
    }

    @POST
    @Path("/people/{id}/deactivate")
    @RolesAllowed(Roles.ADMIN)
    public Uni<PersonDetail> deactivate(@PathParam("id") UUID id) {
        return directory.setActive(id, false).map(this::detail);
    }

    @POST
    @Path("/people/{id}/contacts")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PersonDetail> addContact(@PathParam("id") UUID id, @Valid @NotNull ContactInput c) {
        return directory.addContact(id, new KeepingTheDirectory.NewContact(c.kind(), c.address(), c.lastConfirmedOn())).map(this::detail);
    }

    /** EP-9.1: an administrator, or the person themself, confirms a channel today. */
    @POST
    @Path("/people/{id}/contacts/{contactId}/confirm")
    @RolesAllowed(Roles.READER)
    public Uni<PersonDetail> confirm(@PathParam("id") UUID id, @PathParam("contactId") UUID contactId) {
        Staff me = Staff.of(identity);
        if (!(me.has(Roles.ADMIN) || id.equals(me.personId()))) {
            return Uni.createFrom().failure(new DomainRejection(403, "forbidden", "EP-9.1", "Only the person or an IT administrator confirms a contact."));
        }
        return directory.confirmContact(id, contactId).map(this::detail);
    }

    /** EP-9.1: people whose channels are stale, with only the stale channels. */
    @GET
    @Path("/contacts/stale")
    @RolesAllowed({Roles.IT, Roles.LEADERSHIP})
    public Uni<List<PersonDetail>> stale() {
        return directory.staleContacts().map(l -> l.stream().map(this::detail).toList());
    }
}
