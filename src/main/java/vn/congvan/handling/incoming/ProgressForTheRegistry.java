package vn.congvan.handling.incoming;

import org.springframework.stereotype.Component;
import vn.congvan.registry.HandlingProgress;

/** Where each incoming case stands, in the words of the registry's list: assigned, closed, and its deadline. */
@Component
class ProgressForTheRegistry implements HandlingProgress {

    @Override
    public String query() {
        return """
                select c.document_id,
                  c.state in ('ASSIGNED', 'IN_PROGRESS') as is_assigned,
                  c.state in ('DONE', 'REFUSED') as is_closed,
                  c.deadline
                from handling_case c""";
    }
}
