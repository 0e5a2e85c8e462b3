/** The port contract, against the fake (both engines' models) and against both engines' adapters over the API double. */
import { portContract } from './port-contract';
import { adapterUnderTest, fakeUnderTest } from './ports-under-test';

portContract('fake (chrome)', fakeUnderTest('chrome'));
portContract('fake (firefox)', fakeUnderTest('firefox'));
portContract('createChromePort', adapterUnderTest('chrome'));
portContract('createFirefoxPort', adapterUnderTest('firefox'));
