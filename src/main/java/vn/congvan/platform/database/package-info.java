/** The database: the configured PostgreSQL or the embedded one, its roles and their passwords. */
@NullMarked
package vn.congvan.platform.database;

import org.jspecify.annotations.NullMarked;
