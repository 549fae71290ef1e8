// Testing Library waits (findBy…, waitFor) give up after 1 s by default. A jsdom render of the
// whole app on a loaded 2-core machine can take longer than that; the wait is a limit on a hang,
// not a speed check (speed belongs in the benches), so it is as generous as the test timeout allows.
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 10_000 });
