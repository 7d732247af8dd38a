package org.oretrace.sim;
