package vn.congvan.registry.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;
import vn.congvan.registry.document.UploadedFile;

/** What the registration pages share: attachments a browser posts include an empty part when none. */
final class RegistrationPages {

    private RegistrationPages() {}

    static List<UploadedFile> attachments(@Nullable List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream()
                .filter(f -> !(f.isEmpty()
                        && (f.getOriginalFilename() == null
                                || f.getOriginalFilename().isEmpty())))
                .map(UploadedFile::of)
                .toList();
    }
}
