// The analyst page: role-gated by the console (every view is logged server-side).
import {header, me as whoAmI} from './dom.js';

const me = await whoAmI();
header(me, 'Analyst', null);
