package vn.congvan;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.congvan.shared.Official;

/** The application's pages as a signed-in official gets them, parsed to be looked at (MockMvc and Jsoup). */
public final class PagesAs {

    private final MockMvc mvc;
    private final UserDetailsService officials;

    public PagesAs(WebApplicationContext context) {
        this.mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        this.officials = context.getBean(UserDetailsService.class);
    }

    /** The page at {@code path} (query included) as {@code username} sees it. */
    public Document page(String path, String username) throws Exception {
        Official official = (Official) officials.loadUserByUsername(username);
        return Jsoup.parse(mvc.perform(get(path).with(user(official)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    /**
     * The answer to a GET of {@code path} as {@code username}: a download's bytes and headers, a
     * streamed one (written after the controller returned) included.
     */
    public org.springframework.mock.web.MockHttpServletResponse download(String path, String username)
            throws Exception {
        Official official = (Official) officials.loadUserByUsername(username);
        MvcResult result = mvc.perform(get(path).with(user(official))).andReturn();
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(MockMvcRequestBuilders.asyncDispatch(result)).andReturn();
        }
        return result.getResponse();
    }

    /** A form's fields posted to {@code path} as {@code username} would (its CSRF token included). */
    public Posted post(String path, String username, Map<String, String> fields) throws Exception {
        Official official = (Official) officials.loadUserByUsername(username);
        MockHttpServletRequestBuilder request =
                MockMvcRequestBuilders.post(path).with(user(official)).with(csrf());
        fields.forEach((name, value) -> request.param(name, value));
        MvcResult result = mvc.perform(request).andReturn();
        return new Posted(
                result.getResponse().getStatus(),
                result.getResponse().getRedirectedUrl(),
                Map.copyOf(result.getFlashMap()));
    }

    /** The whole answer to a form posted as {@code username}: a page shown again, with its status. */
    public org.springframework.mock.web.MockHttpServletResponse answer(
            String path, String username, Map<String, String> fields) throws Exception {
        Official official = (Official) officials.loadUserByUsername(username);
        MockHttpServletRequestBuilder request =
                MockMvcRequestBuilders.post(path).with(user(official)).with(csrf());
        fields.forEach((name, value) -> request.param(name, value));
        return mvc.perform(request).andReturn().getResponse();
    }

    /** The answer to a posted form: where it sends the browser, and what it says there (the flash attributes). */
    public record Posted(
            int status, @org.jspecify.annotations.Nullable String redirectedTo, Map<String, Object> flash) {}
}
