package io.leadqualifier.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;


/**
 * What in a request identifies a person: the email's local part, the names, the activities' free-text
 * details. It is stored apart from the decision so that it can be erased (GDPR art. 17) while the decision,
 * its hash chain and its replay stay intact: rules only see the email domain, which stays in the record.
 *
 * @param emailLocalPart  the part of the email before the last '@'
 * @param activityDetails activity index (in request order) to its detail, for activities that had one
 */
public record PersonalData(String emailLocalPart, String firstName, String lastName, Map<Integer, String> activityDetails) {
    /** What an erased or withheld email local part reads as in the record. */
    static final String MASK = "*";

    /** A request split in two: what the record keeps, and what identifies the person. */
    public record Split(QualifyRequest recordable, PersonalData personal) {
    }

    /** Splits a request: the recordable part keeps {@code *@domain} for the email and no names or details. */
    public static Split split(QualifyRequest request) {
        QualifyRequest.Contact contact = request.contact();
        String email = contact.email();
        int at = email == null ? -1 : email.lastIndexOf('@');
        String localPart = email == null ? null : at < 0 ? email : email.substring(0, at);
        String maskedEmail = email == null ? null : MASK + (at < 0 ? "" : email.substring(at));
        Map<Integer, String> details = new TreeMap<>();
        List<QualifyRequest.Activity> activities = new ArrayList<>(request.activities().size());
        for (int i = 0; i < request.activities().size(); i++) {
            QualifyRequest.Activity activity = request.activities().get(i);
            if (activity.detail() != null) {
                details.put(i, activity.detail());
            }
            activities.add(new QualifyRequest.Activity(activity.type(), activity.at(), null));
        }
        QualifyRequest recordable = new QualifyRequest(request.leadId(), request.asOf(),
                new QualifyRequest.Contact(maskedEmail, null, null, contact.jobTitle(), contact.seniority(), contact.decisionMaker()),
                request.company(), request.source(), request.consent(), activities, request.bant(), request.sales(), request.history());
        return new Split(recordable, new PersonalData(localPart, contact.firstName(), contact.lastName(), details));
    }

    /** The request as received: the recordable part with this person's data put back. */
    public QualifyRequest restore(QualifyRequest recordable) {
        QualifyRequest.Contact contact = recordable.contact();
        String email = contact.email();
        String restoredEmail = email == null || emailLocalPart == null ? email
                : emailLocalPart + (email.startsWith(MASK) ? email.substring(MASK.length()) : "");
        List<QualifyRequest.Activity> activities = new ArrayList<>(recordable.activities().size());
        for (int i = 0; i < recordable.activities().size(); i++) {
            QualifyRequest.Activity activity = recordable.activities().get(i);
            activities.add(new QualifyRequest.Activity(activity.type(), activity.at(),
                    activityDetails == null ? null : activityDetails.get(i)));
        }
        return new QualifyRequest(recordable.leadId(), recordable.asOf(),
                new QualifyRequest.Contact(restoredEmail, firstName, lastName, contact.jobTitle(), contact.seniority(),
                        contact.decisionMaker()),
                recordable.company(), recordable.source(), recordable.consent(), activities, recordable.bant(), recordable.sales(),
                recordable.history());
    }
}
