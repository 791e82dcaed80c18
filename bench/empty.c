/* The baseline of `backease list`: a program that does nothing, linked
 * (with -Wl,--no-as-needed) against the same libraries, so the dynamic
 * loader maps and relocates them just as it does for backease. */
int main(void) { return 0; }
