/**
 * The console: pages for people, served by the service at {@code /console}, behind the same roles as the API.
 *
 * <p><b>How it is built.</b> Server-rendered Qute templates, no front-end build and no inline script. A page is a
 * JAX-RS resource under {@code /console/...} in a sub-package by job ({@code console.policy}, ...), with the same
 * {@code @RolesAllowed} as the API it mirrors, that calls the same in-process services (or the API resource bean
 * itself), so it shows what the API would answer. Templates live in {@code src/main/resources/templates/console/}
 * (a sub-folder per sub-package) and start with {@code {#include console/layout}}; the page renders them with
 * {@link io.leadqualifier.console.Pages#ok}, naming its title and {@link io.leadqualifier.console.Section} (the
 * navigation entry it highlights). The stylesheet is {@code META-INF/resources/console/assets/console.css};
 * scripts and other assets go next to it (CSP: {@code 'self'} only) or come from a WebJar.
 *
 * <p><b>Refusals.</b> An action the service refuses is shown in the page where it was tried: catch the
 * {@code RuntimeException}, turn it into a {@link io.leadqualifier.console.Refusal} (the problem's title, status,
 * detail, field errors and policy findings) and render the page with it and the problem's status; templates show it
 * with {@code {#include console/refusal /}}. What nobody catches (a role not allowed, an unknown version) reaches
 * {@code system.ProblemMappers}, which asks {@link io.leadqualifier.console.ConsoleProblemPages} to show it as the
 * error page under {@code /console} instead of problem+json.
 *
 * <p><b>Login and CSRF.</b> Form login ({@code quarkus.http.auth.form.*}, the built-in credentials on the quick
 * start) sets an encrypted cookie that authenticates {@code /console/*} (the form mechanism only there); a page's
 * {@code @RolesAllowed} asks for it and, without it, the console redirects to {@code /console/login} (the form
 * mechanism itself redirects nobody, so API clients still get 401); {@code POST /console/logout} drops it. Every form that posts carries the CSRF field:
 * {@code <input type="hidden" name="{frame.csrfField}" value="{frame.csrf}">}; {@link io.leadqualifier.console.CsrfCheck}
 * refuses any non-GET console request without it. After an action that worked, answer {@link
 * io.leadqualifier.console.Pages#seeOther} (post, redirect, get).
 *
 * <p>Imports: the features it shows (policy, audit, ...), {@code security} for roles, {@code system} for problems.
 * Nothing imports the console.
 */
package io.leadqualifier.console;
