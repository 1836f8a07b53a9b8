/** What the directory does on start: the administrator account, the province root, the demo province. */
@NullMarked
package vn.congvan.directory.installation;

import org.jspecify.annotations.NullMarked;
