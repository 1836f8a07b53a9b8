package vn.congvan.shared;

/** What a person may do in a unit (vai trò). */
public enum Role {
    /** Văn thư: registers, numbers and issues documents, keeps the seal. */
    CLERK,
    /** Chủ tịch / Giám đốc: the head of the unit. */
    LEADER,
    /** Phó chủ tịch / Phó giám đốc. */
    DEPUTY_LEADER,
    /** Trưởng phòng. */
    DIVISION_HEAD,
    /** Chuyên viên. */
    SPECIALIST,
    /** Cán bộ công nghệ thông tin of the unit. */
    IT_OFFICER,
    /** Provincial monitor: watches statistics of every unit. */
    PROVINCIAL_MONITOR,
    /** Administrator of the installation. */
    ADMINISTRATOR
}
