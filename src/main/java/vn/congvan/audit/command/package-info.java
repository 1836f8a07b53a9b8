/** The audit trail's verification as a command: {@code java -jar congvan.jar --congvan.audit.verify=true}. */
@NullMarked
package vn.congvan.audit.command;

import org.jspecify.annotations.NullMarked;
