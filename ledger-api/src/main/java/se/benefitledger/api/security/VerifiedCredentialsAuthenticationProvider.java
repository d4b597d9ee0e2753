package se.benefitledger.api.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring Security's username and password check, which loads the user on every request (so roles,
 * municipalities and removals apply at once), but skips the password hash for credentials that
 * matched it within the last minutes. Spring Security has no cache of its own for this: its
 * {@code UserCache} keeps user details, not the outcome of the costly {@code matches}.
 */
final class VerifiedCredentialsAuthenticationProvider extends DaoAuthenticationProvider {

    private final VerifiedCredentials verified;

    VerifiedCredentialsAuthenticationProvider(UserDetailsService users, PasswordEncoder passwords, VerifiedCredentials verified) {
        super(passwords);
        setUserDetailsService(users);
        this.verified = verified;
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication)
            throws AuthenticationException {
        Object credentials = authentication.getCredentials();
        if (credentials != null && user.getPassword() != null
                && verified.contains(user.getUsername(), user.getPassword(), credentials.toString())) {
            return;
        }
        super.additionalAuthenticationChecks(user, authentication);
        verified.add(user.getUsername(), user.getPassword(), credentials.toString());
    }
}
